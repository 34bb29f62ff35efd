package fr.academie.colibris.catalogue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.common.date.FrenchDates;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The request types, read at start-up from {@code catalogue.json} (data, not code: a new type or a changed form is a
 * change of that file) into {@code request_type}; a campaign the file names is added once, then belongs to HR (its
 * dates may be extended there without the file).
 */
@ApplicationScoped
public class Catalogue {

    private static final Logger LOG = Logger.getLogger(Catalogue.class);
    static final String FILE = "catalogue.json";

    private final ObjectMapper json;

    public Catalogue(ObjectMapper json) {
        this.json = json;
    }

    @Transactional
    void load(@Observes StartupEvent start) {
        List<TypeDefinition> types = read();
        for (TypeDefinition definition : types) {
            RequestType type = RequestType.<RequestType>findByIdOptional(definition.code()).orElseGet(RequestType::new);
            type.code = definition.code();
            type.label = definition.label();
            type.definition = definition;
            type.persist();
            for (TypeDefinition.CampaignWindow window : definition.campaigns()) {
                if (Campaign.count("typeCode = ?1 and code = ?2", definition.code(), window.code()) == 0) {
                    Campaign campaign = new Campaign();
                    campaign.id = UUID.randomUUID();
                    campaign.typeCode = definition.code();
                    campaign.code = window.code();
                    campaign.label = window.label();
                    campaign.opensAt = window.opens().atZone(FrenchDates.PARIS).toInstant();
                    campaign.closesAt = window.closes().atZone(FrenchDates.PARIS).toInstant();
                    campaign.persist();
                }
            }
        }
        LOG.infof("Catalogue: %d request types", types.size());
    }

    List<TypeDefinition> read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the classpath");
            }
            return json.readValue(in, new TypeReference<List<TypeDefinition>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FILE, e);
        }
    }

    public Optional<RequestType> type(String code) {
        return code == null ? Optional.empty() : RequestType.findByIdOptional(code);
    }

    public List<RequestType> types() {
        return RequestType.listAll(io.quarkus.panache.common.Sort.by("label"));
    }

    /** The type's campaigns, the latest opening first. */
    public List<Campaign> campaigns(String typeCode) {
        return Campaign.list("typeCode = ?1 order by opensAt desc", typeCode);
    }
}
