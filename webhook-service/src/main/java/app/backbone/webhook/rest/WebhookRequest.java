package app.backbone.webhook.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new subscription: where to send, which event types, and a note for the chain's own people. */
public record WebhookRequest(
        @NotBlank @Size(max = 2048)
        @Schema(description = "https URL the events are POSTed to", example = "https://hooks.example.com/backbone")
        String url,
        @NotNull @NotEmpty @Size(max = 10)
        @Schema(description = "Event types: record.achieved, deload.recommended, member.erased")
        List<@NotBlank String> events,
        @Size(max = 500)
        String description) {
}
