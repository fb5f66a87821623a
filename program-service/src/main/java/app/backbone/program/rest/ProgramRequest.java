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
import app.backbone.program.domain.generator.ArmsFocus;
import app.backbone.program.domain.generator.Condition;
import app.backbone.program.domain.generator.Equipment;
import app.backbone.program.domain.generator.MobilityFocus;
import app.backbone.program.domain.generator.SupersetStart;
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
        @Schema(description = "Add the optional biceps and triceps work; implied by armsFocus")
        Boolean includeArms,
        @Schema(description = "Length of the cycle in weeks, 1-16; default 4. With 4 or more the last week is a "
                + "deload week")
        @Min(value = 1, message = "must be 1-16") @Max(value = 16, message = "must be 1-16") Integer weeks,
        @Schema(description = "Back health: the warm-up's mobility drill (foam-roller extension, side-lying arm "
                + "circles or wall scoops); absent: chosen from the conditions. A condition overrules it, and the "
                + "program says so")
        MobilityFocus mobilityFocus,
        @Schema(description = "Which arm work the arms add-on holds; default BOTH. Implies includeArms")
        ArmsFocus armsFocus,
        @Schema(description = "Which machine of the superset goes first; default PULLDOWN with weak point LATS, "
                + "else ROW. Implies includeSuperset")
        SupersetStart supersetStart) {
}
