package app.backbone.dashboard.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * The logging-service endpoints the dashboard reads (shapes of {@code logging-service/contracts/openapi.json}, only
 * the fields it shows). Every call carries the signed-in trainer's bearer token, so the service scopes it to the
 * trainer's chain.
 */
@RegisterRestClient(configKey = "logging-service")
public interface LoggingClient {

    @GET
    @Path("/members")
    Uni<Page<ActiveMember>> members(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @QueryParam("activeSince") LocalDate activeSince, @QueryParam("q") String search,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/members/{memberId}/sessions")
    Uni<Page<SessionSummary>> sessions(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @PathParam("memberId") String memberId, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/members/{memberId}/volume")
    Uni<Volume> volume(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("memberId") String memberId,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to);

    @GET
    @Path("/members/{memberId}/records")
    Uni<Records> records(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("memberId") String memberId);

    @GET
    @Path("/members/{memberId}/progression")
    Uni<Progression> progression(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @PathParam("memberId") String memberId, @QueryParam("exerciseId") String exerciseId);

    /** The service's readiness, answered without a token. */
    @GET
    @Path("/q/health/ready")
    Uni<Response> ready();

    /** A page of a list, as every Backbone service answers one. */
    record Page<T>(List<T> items, int page, int size, long total) {
    }

    record ActiveMember(String memberId, int sessions, Instant firstSessionAt, Instant lastSessionAt,
            String lastSessionId) {
    }

    record SessionSummary(String sessionId, Instant completedAt) {
    }

    record Volume(String memberId, String from, String to, List<Week> weeks) {
    }

    record Week(String week, int sessions, int sets, int reps, BigDecimal tonnageKg,
            Map<String, BigDecimal> hardSetsByMuscle, int pullHardSets, int pushHardSets, BigDecimal pullPushRatio) {
    }

    record Records(String memberId, List<ExerciseRecords> exercises) {
    }

    record ExerciseRecords(String exerciseId, PersonalRecords records) {
    }

    record PersonalRecords(PersonalRecord heaviestLoad, PersonalRecord bestE1rm, Map<String, Integer> mostRepsByLoadKg,
            PersonalRecord bestSessionTonnage) {
    }

    record PersonalRecord(BigDecimal kg, String sessionId, Instant completedAt) {
    }

    record Progression(String memberId, String exerciseId, List<ProgressionPoint> series, PersonalRecords records,
            Recommendation recommendation) {
    }

    record ProgressionPoint(String sessionId, Instant completedAt, LocalDate date, int workingSets, TopSet topSet,
            BigDecimal bestE1rmKg, BigDecimal tonnageKg) {
    }

    record TopSet(BigDecimal loadKg, Integer reps) {
    }

    record Recommendation(String exerciseId, String action, BigDecimal nextLoadKg, String reason) {
    }
}
