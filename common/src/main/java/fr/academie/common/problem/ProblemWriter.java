package fr.academie.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes a problem+json answer from Vert.x routes and filters, where no exception mapper runs. */
@ApplicationScoped
public class ProblemWriter {

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServerResponse response, Problem problem) {
        if (response.ended()) {
            return;
        }
        try {
            response.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            response.setStatusCode(500).end();
        }
    }
}
