package app.backbone.dashboard.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

import app.backbone.dashboard.client.LoggingClient.Page;

/**
 * The program-service endpoints the dashboard reads (shapes of {@code program-service/contracts/openapi.json}, only
 * the fields it shows), each with the signed-in trainer's bearer token.
 */
@RegisterRestClient(configKey = "program-service")
public interface ProgramClient {

    @GET
    @Path("/members/{memberId}/programs")
    Uni<Page<ProgramSummary>> programs(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @PathParam("memberId") String memberId, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/programs/{id}")
    Uni<Program> program(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @GET
    @Path("/programs/{id}/next-session")
    Uni<NextSession> nextSession(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    /** The service's readiness, answered without a token. */
    @GET
    @Path("/q/health/ready")
    Uni<Response> ready();

    record ProgramSummary(UUID id, String memberId, String goal, String weakPoint, String status, Instant createdAt) {
    }

    record Program(UUID id, String goal, String weakPoint, int sessionsPerWeek, int weeks, String status,
            Instant createdAt, List<String> notes) {
    }

    record NextSession(UUID programId, int week, boolean deload, int sessionIndex, String name, List<Block> blocks,
            Progress progress, List<String> notes) {
    }

    record Block(String type, String note, List<LoadedPrescription> prescriptions) {
    }

    record LoadedPrescription(String exerciseId, String name, Integer sets, Integer setsMax, Integer repsMin,
            Integer repsMax, Integer seconds, Integer secondsMax, Boolean perSide, Integer restSeconds,
            Boolean toFailure, Integer targetRir, BigDecimal loadKg, String loadReason) {
    }

    record Progress(Long revision, Instant computedAt, Long ageSeconds, Boolean stale) {
    }
}
