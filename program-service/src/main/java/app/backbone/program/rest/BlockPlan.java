package app.backbone.program.rest;

import java.util.List;

import app.backbone.program.domain.generator.BlockType;

/** Consecutive prescriptions of one kind within a session; {@code note} may be null. */
public record BlockPlan(BlockType type, List<PrescriptionPlan> prescriptions, String note) {
}
