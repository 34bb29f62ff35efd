package fr.academie.colibris.catalogue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.common.date.FrenchDates;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The request types, read at start-up from {@code catalogue.json} (data, not code: a new type or a changed form is a
 * change of that file) into {@code request_type} and kept in memory; a campaign the file names is added once, then
 * belongs to HR (its dates may be extended there without the file), so campaigns are read from the database.
 */
@ApplicationScoped
public class Catalogue {

    private static final Logger LOG = Logger.getLogger(Catalogue.class);
    static final String FILE = "catalogue.json";

    private final ObjectMapper json;
    /** The types by label, as the start wrote them: they change only with the file, that is with a new version. */
    private volatile List<RequestType> types = List.of();

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
        this.types = RequestType.listAll(Sort.by("label"));
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
        return types;
    }

    /** The type's campaigns, the latest opening first. */
    public List<Campaign> campaigns(String typeCode) {
        return Campaign.list("typeCode = ?1 order by opensAt desc", typeCode);
    }

    /**
     * Every type's campaigns as people see them, the latest opening first: two queries for the whole catalogue
     * (under load, each round trip to PostgreSQL waits its turn: one per type and per campaign gave the catalogue a
     * p95 of 41 ms, README "Performance at the September peak").
     */
    Map<String, List<CampaignView>> campaignViews(Instant now) {
        Map<UUID, List<CampaignExtension>> extensions = CampaignExtension.byCampaign();
        return Campaign.<Campaign>list("order by opensAt desc").stream().collect(Collectors.groupingBy(c -> c.typeCode,
                Collectors.mapping(c -> CampaignView.of(c, extensions.getOrDefault(c.id, List.of()), now),
                        Collectors.toList())));
    }
}
