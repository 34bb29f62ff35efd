package fr.academie.iprof.personal;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.academie.common.page.Cursor;
import fr.academie.common.page.Page;
import fr.academie.common.personal.PersonalArchive;
import fr.academie.iprof.access.AccessLog;
import fr.academie.iprof.access.Reader;
import fr.academie.iprof.access.Readers;
import fr.academie.iprof.agent.AgentService;
import fr.academie.iprof.agent.RecordAccessPolicy;
import fr.academie.iprof.appraisal.AppraisalService;
import fr.academie.iprof.campaign.PromotionService;
import fr.academie.iprof.cv.CvService;
import fr.academie.iprof.timeline.TimelineService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.StreamingOutput;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /personal-data}: everything I-Prof holds about the caller, for "Mes données" (GDPR article 15): her
 * career record with its history, appraisals, CV and promotion applications, and who read it (the access log), as
 * JSON files under {@code carriere/}. Nothing when she has no record.
 */
@Path("/personal-data")
@Authenticated
public class PersonalDataResource {

    private static final String ME = "me";

    private final AgentService agents;
    private final TimelineService timeline;
    private final AppraisalService appraisals;
    private final CvService cv;
    private final PromotionService promotions;
    private final RecordAccessPolicy records;
    private final AccessLog log;
    private final Readers readers;
    private final ObjectMapper json;

    public PersonalDataResource(AgentService agents, TimelineService timeline, AppraisalService appraisals, CvService cv,
                                PromotionService promotions, RecordAccessPolicy records, AccessLog log, Readers readers,
                                ObjectMapper json) {
        this.agents = agents;
        this.timeline = timeline;
        this.appraisals = appraisals;
        this.cv = cv;
        this.promotions = promotions;
        this.records = records;
        this.log = log;
        this.readers = readers;
        this.json = json;
    }

    @GET
    @Produces(PersonalArchive.MEDIA_TYPE)
    public StreamingOutput export() {
        Reader reader = readers.current();
        Map<String, Object> files = new LinkedHashMap<>(); // small records: read here, in the request's transaction
        agents.record(ME, reader).ifPresent(record -> {
            files.put("carriere/dossier.json", record);
            files.put("carriere/historique.json",
                    Page.every(after -> timeline.of(ME, reader, after, Cursor.MAX_LIMIT).orElseThrow()));
            files.put("carriere/rendez-vous-de-carriere.json", appraisals.of(ME, reader).orElseThrow());
            files.put("carriere/cv.json", cv.of(ME, reader).orElseThrow());
            files.put("carriere/promotions.json", promotions.of(ME, reader).orElseThrow());
            files.put("carriere/journal-des-acces.json", records.own(reader)
                    .map(agent -> Page.every(after -> log.of(agent.id, after, Cursor.MAX_LIMIT))).orElseThrow());
        });
        return out -> {
            try (PersonalArchive archive = new PersonalArchive(out, json)) {
                for (Map.Entry<String, Object> file : files.entrySet()) {
                    archive.json(file.getKey(), file.getValue());
                }
            }
        };
    }
}
