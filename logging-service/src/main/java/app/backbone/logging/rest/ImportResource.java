package app.backbone.logging.rest;

import java.io.InputStream;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.backbone.common.CallerTenant;
import app.backbone.common.EnumParams;
import app.backbone.common.MemberIds;
import app.backbone.common.Page;
import app.backbone.common.PageParams;
import app.backbone.common.ProblemException;
import app.backbone.common.ProblemTypes;
import app.backbone.common.Roles;
import app.backbone.logging.domain.MemberImport;
import app.backbone.logging.domain.imports.ImportSource;
import app.backbone.logging.domain.imports.WeightUnit;
import app.backbone.logging.service.ImportService;

/** Imports members' history from other apps' CSV exports, and reports how the imports went. */
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.TRAINER, Roles.INTEGRATION})
@Tag(name = "Imports")
@Path("/")
public class ImportResource {

    /** The media type of the files imported. */
    public static final String CSV = "text/csv";

    private final CallerTenant tenant;
    private final JsonWebToken token;
    private final ImportService imports;

    public ImportResource(CallerTenant tenant, JsonWebToken token, ImportService imports) {
        this.tenant = tenant;
        this.token = token;
        this.imports = imports;
    }

    @POST
    @Path("members/{memberId}/imports")
    @Consumes({CSV, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Import a member's history from a Strong or Hevy CSV export (or Backbone's own CSV export)",
            description = "The file (up to 32 MiB) is checked whole before the answer: a file of another format is "
                    + "refused (400), so are unreadable values and exercise names that map to no catalog exercise "
                    + "(422, listed), but on a dry run. The sessions are then stored in the background: follow "
                    + "the import at its Location. Importing a file again stores nothing new.")
    @RequestBody(description = "The CSV file as the app exported it")
    @APIResponse(responseCode = "202", description = "Checked and importing; the import is at Location")
    public Response start(
            @PathParam("memberId") @Pattern(regexp = MemberIds.PATTERN, message = MemberIds.MESSAGE) String memberId,
            @QueryParam("source") @Parameter(required = true, description = "STRONG, HEVY or BACKBONE") String source,
            @QueryParam("timeZone") @DefaultValue("UTC")
            @Parameter(description = "IANA time zone of the file's dates when they carry none") String timeZone,
            @QueryParam("weightUnit") @DefaultValue("KG")
            @Parameter(description = "KG or LB, for files that do not say") String weightUnit,
            @QueryParam("dryRun") @DefaultValue("false")
            @Parameter(description = "Read and map the file, report, store nothing") boolean dryRun,
            @QueryParam("unmapped") @DefaultValue("REFUSE")
            @Parameter(description = "REFUSE (422 listing them) or SKIP (leave their sets out)") String unmapped,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            InputStream body) {
        String charset = contentType == null ? null : contentType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("UTF-8") && !charset.equalsIgnoreCase("US-ASCII")) {
            throw new ProblemException(415, ProblemTypes.HTTP, "Unsupported media type", "History files are read as "
                    + "UTF-8 (the apps export UTF-8), not " + charset + ".");
        }
        if (source == null || source.isBlank()) {
            throw ProblemException.invalid("source", "is required: STRONG, HEVY or BACKBONE");
        }
        ImportService.Request request = new ImportService.Request(tenant.id(), memberId,
                one("source", source, ImportSource.class), zone(timeZone), one("weightUnit", weightUnit,
                        WeightUnit.class), dryRun, one("unmapped", unmapped, UnmappedPolicy.class)
                                == UnmappedPolicy.SKIP, token.getName());
        MemberImport started = imports.start(request, body);
        return Response.accepted(ImportMapper.imported(started, imports))
                .location(URI.create("/imports/" + started.id)).build();
    }

    @GET
    @Path("imports/{id}")
    @Operation(summary = "An import's progress while it runs, then its result")
    public ImportResponse get(@PathParam("id") UUID id) {
        return imports.find(tenant.id(), id).map(i -> ImportMapper.imported(i, imports))
                .orElseThrow(() -> ProblemException.notFound("No import " + id + "."));
    }

    @GET
    @Path("members/{memberId}/imports")
    @Operation(summary = "A member's imports, newest first")
    public Page<ImportResponse> ofMember(
            @PathParam("memberId") @Pattern(regexp = MemberIds.PATTERN, message = MemberIds.MESSAGE) String memberId,
            @Valid @BeanParam PageParams page) {
        String tenantId = tenant.id();
        return new Page<>(MemberImport.ofMember(tenantId, memberId, page.page, page.size), page.page, page.size,
                MemberImport.countOfMember(tenantId, memberId)).map(i -> ImportMapper.imported(imports.current(i),
                        imports));
    }

    /** What happens to sets of exercises no catalog exercise answers to. */
    enum UnmappedPolicy { REFUSE, SKIP }

    private static <E extends Enum<E>> E one(String field, String raw, Class<E> type) {
        List<E> values = EnumParams.parse(field, List.of(raw.toUpperCase(Locale.ROOT)), type);
        if (values.size() != 1) {
            throw ProblemException.invalid(field, "must be one value");
        }
        return values.get(0);
    }

    private static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw ProblemException.invalid("'" + timeZone + "' is not an IANA time zone (e.g. Europe/Berlin).",
                    "timeZone", "must be an IANA time zone, e.g. Europe/Berlin");
        }
    }
}
