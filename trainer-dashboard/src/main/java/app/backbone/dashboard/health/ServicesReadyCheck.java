package app.backbone.dashboard.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

import app.backbone.dashboard.client.LoggingClient;
import app.backbone.dashboard.client.ProgramClient;

/** Ready while logging- and program-service, which every page reads, answer that they are ready. */
@Readiness
@ApplicationScoped
public class ServicesReadyCheck implements AsyncHealthCheck {

    private final LoggingClient logging;
    private final ProgramClient programs;

    public ServicesReadyCheck(@RestClient LoggingClient logging, @RestClient ProgramClient programs) {
        this.logging = logging;
        this.programs = programs;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.combine().all().unis(status(logging.ready()), status(programs.ready())).asTuple()
                .map(t -> HealthCheckResponse.named("logging-service and program-service")
                        .status(t.getItem1() == 200 && t.getItem2() == 200)
                        .withData("logging-service", t.getItem1())
                        .withData("program-service", t.getItem2())
                        .build());
    }

    /** The status the service answered, 0 when it did not answer. */
    private static Uni<Integer> status(Uni<Response> ready) {
        return ready.map(Response::getStatus)
                .onFailure(WebApplicationException.class)
                .recoverWithItem(e -> ((WebApplicationException) e).getResponse().getStatus())
                .onFailure().recoverWithItem(0);
    }
}
