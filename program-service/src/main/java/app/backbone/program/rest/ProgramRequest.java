package app.backbone.program.rest;

import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.backbone.common.MemberIds;
import app.backbone.program.domain.Goal;
import app.backbone.program.domain.generator.Condition;
import app.backbone.program.domain.generator.Equipment;
import app.backbone.program.domain.generator.WeakPoint;

/** What a trainer asks a program for. */
public record ProgramRequest(
        @NotNull @Pattern(regexp = MemberIds.PATTERN, message = MemberIds.MESSAGE) String memberId,
        @NotNull Goal goal,
        @Schema(description = "Trains this area first or more; absent for none") WeakPoint weakPoint,
        @Schema(description = "Equipment the member has; absent means a full gym")
        @Size(max = 14) Set<@NotNull Equipment> equipment,
        @Schema(description = "Conditions the program must respect (contraindication codes)")
        @Size(max = 5) Set<@NotNull Condition> conditions,
        @Schema(description = "1 or 2 back sessions a week, as the articles advise; default 1")
        @Min(value = 1, message = "must be 1 or 2") @Max(value = 2, message = "must be 1 or 2")
        Integer sessionsPerWeek,
        @Schema(description = "Add the optional machine row / pull-down superset (strength and hypertrophy)")
        Boolean includeSuperset,
        @Schema(description = "Add the optional biceps and triceps work") Boolean includeArms) {
}
