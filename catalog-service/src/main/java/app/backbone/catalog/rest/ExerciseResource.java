package app.backbone.catalog.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.backbone.catalog.domain.Category;
import app.backbone.catalog.domain.Contraindication;
import app.backbone.catalog.domain.Equipment;
import app.backbone.catalog.domain.Exercise;
import app.backbone.catalog.domain.ExerciseFilter;
import app.backbone.catalog.domain.MovementPattern;
import app.backbone.catalog.domain.Muscle;
import app.backbone.catalog.service.ExerciseSearch;
import app.backbone.catalog.service.ExerciseService;
import app.backbone.common.CallerTenant;
import app.backbone.common.ETags;
import app.backbone.common.EnumParams;
import app.backbone.common.Page;
import app.backbone.common.PageParams;
import app.backbone.common.ProblemException;
import app.backbone.common.Roles;

/** The exercise library as the caller's tenant sees it, and the tenant's own exercises. */
@Path("/exercises")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exercises")
public class ExerciseResource {

    private final CallerTenant tenant;
    private final ExerciseSearch search;
    private final SearchAnswers answers;
    private final ExerciseService exercises;

    public ExerciseResource(CallerTenant tenant, ExerciseSearch search, SearchAnswers answers,
            ExerciseService exercises) {
        this.tenant = tenant;
        this.search = search;
        this.answers = answers;
        this.exercises = exercises;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.TRAINER, Roles.INTEGRATION})
    @Operation(summary = "Search the exercises the caller's tenant can use: the global library and its own",
            description = "Retired exercises are left out. Each filter may repeat or hold comma-separated values; "
                    + "any value of one filter matches, and filters combine.")
    public Page<ExerciseResponse> list(
            @QueryParam("muscle") @Parameter(description = "Works this muscle (primary or secondary)")
            List<String> muscle,
            @QueryParam("pattern") @Parameter(description = "Movement pattern") List<String> pattern,
            @QueryParam("equipment") @Parameter(description = "Uses this equipment") List<String> equipment,
            @QueryParam("category") @Parameter(description = "Category") List<String> category,
            @QueryParam("contraindication")
            @Parameter(description = "Leave out exercises contraindicated for this condition")
            List<String> contraindication,
            @QueryParam("q") @Size(max = 100) @Parameter(description = "Text the name contains") String q,
            @Valid @BeanParam PageParams page) {
        ExerciseFilter filter = new ExerciseFilter(
                EnumParams.parse("muscle", muscle, Muscle.class),
                EnumParams.parse("pattern", pattern, MovementPattern.class),
                EnumParams.parse("equipment", equipment, Equipment.class),
                EnumParams.parse("category", category, Category.class),
                EnumParams.parse("contraindication", contraindication, Contraindication.class),
                q);
        String tenantId = tenant.id();
        return answers.answer(tenantId, filter, page.page, page.size, () -> new Page<>(
                search.find(tenantId, filter, page.offset(), page.size), page.page, page.size,
                search.count(tenantId, filter)).map(ExerciseMapper::toResponse));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.TRAINER, Roles.INTEGRATION})
    @Operation(summary = "One exercise, retired or not, with its version as ETag; If-None-Match answers 304")
    @Parameter(name = HttpHeaders.IF_NONE_MATCH, in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING))
    public Response get(@PathParam("id") String id, @Context Request request, @Context HttpHeaders headers) {
        Exercise exercise = exercises.visible(tenant.id(), id);
        EntityTag tag = etag(exercise);
        Response.ResponseBuilder precondition = request.evaluatePreconditions(tag);
        if (precondition == null && headers.getHeaderString(HttpHeaders.IF_MATCH) == null
                && headers.getHeaderString(HttpHeaders.IF_NONE_MATCH) != null) {
            precondition = request.evaluatePreconditions(new EntityTag(tag.getValue(), true));
        }
        if (precondition == null) {
            return Response.ok(ExerciseMapper.toResponse(exercise)).tag(tag).build();
        }
        Response answer = precondition.tag(tag).build();
        if (answer.getStatus() == Response.Status.NOT_MODIFIED.getStatusCode()) {
            return answer;
        }
        throw ProblemException.preconditionFailed("If-Match does not name the current ETag " + tag + ".");
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create one of the tenant's own exercises")
    public Response create(@Valid @NotNull ExerciseRequest request) {
        Exercise exercise = exercises.create(tenant.id(), ExerciseMapper.toDefinition(request));
        return Response.created(URI.create("/exercises/" + exercise.id)).tag(etag(exercise))
                .entity(ExerciseMapper.toResponse(exercise)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace one of the tenant's own exercises; needs If-Match with its current ETag")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ExerciseRequest request) {
        if (ifMatch == null) {
            throw ProblemException.preconditionRequired(
                    "Send If-Match with the ETag you read, so that no one else's change is overwritten.");
        }
        Exercise exercise = exercises.update(tenant.id(), id, ETags.version(ifMatch),
                ExerciseMapper.toDefinition(request));
        return Response.ok(ExerciseMapper.toResponse(exercise)).tag(etag(exercise)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Retire one of the tenant's own exercises (it stays readable, marked retired)")
    public Response retire(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        exercises.retire(tenant.id(), id, ETags.version(ifMatch));
        return Response.noContent().build();
    }

    private static EntityTag etag(Exercise exercise) {
        return new EntityTag(String.valueOf(exercise.version));
    }
}
