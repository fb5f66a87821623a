package app.backbone.webhook.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.backbone.common.CallerTenant;
import app.backbone.common.Page;
import app.backbone.common.PageParams;
import app.backbone.common.Roles;
import app.backbone.webhook.service.SubscriptionService;

/** The caller's tenant's webhook subscriptions and their deliveries. */
@Path("/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
@Tag(name = "Webhooks")
public class WebhookResource {

    private final CallerTenant tenant;
    private final SubscriptionService subscriptions;

    public WebhookResource(CallerTenant tenant, SubscriptionService subscriptions) {
        this.tenant = tenant;
        this.subscriptions = subscriptions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe an endpoint to event types; the signing secret is in this answer only")
    @APIResponse(responseCode = "201", description = "The subscription and its secret",
            content = @Content(schema = @Schema(implementation = WebhookCreated.class)))
    public Response create(@Valid @NotNull WebhookRequest request) {
        SubscriptionService.Created created = subscriptions.create(tenant.id(), request.url(), request.events(),
                request.description());
        return Response.created(URI.create("/webhooks/" + created.subscription().id))
                .entity(WebhookMapper.created(created)).build();
    }

    @GET
    @Operation(summary = "The tenant's subscriptions, oldest first")
    public Page<WebhookResponse> list(@Valid @BeanParam PageParams paging) {
        return subscriptions.page(tenant.id(), paging.page, paging.size).map(WebhookMapper::response);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One subscription")
    public WebhookResponse get(@PathParam("id") UUID id) {
        return WebhookMapper.response(subscriptions.get(tenant.id(), id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unsubscribe; pending deliveries are dropped")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        subscriptions.delete(tenant.id(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/test")
    @Operation(summary = "Send a webhook.test event to the endpoint")
    @APIResponse(responseCode = "202", description = "The test delivery, due at once",
            content = @Content(schema = @Schema(implementation = DeliveryResponse.class)))
    public Response test(@PathParam("id") UUID id) {
        return Response.accepted(WebhookMapper.delivery(subscriptions.test(tenant.id(), id))).build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The subscription's deliveries, newest first, each with every attempt")
    public Page<DeliveryResponse> deliveries(@PathParam("id") UUID id, @Valid @BeanParam PageParams paging) {
        return subscriptions.deliveries(tenant.id(), id, paging.page, paging.size).map(WebhookMapper::delivery);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/retry")
    @Operation(summary = "Send a delivery again at once, with the same webhook-id")
    @APIResponse(responseCode = "202", description = "The delivery, due at once",
            content = @Content(schema = @Schema(implementation = DeliveryResponse.class)))
    public Response retry(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(WebhookMapper.delivery(subscriptions.retry(tenant.id(), id, deliveryId))).build();
    }
}
