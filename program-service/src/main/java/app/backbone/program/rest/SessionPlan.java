package app.backbone.program.rest;

import java.util.List;

/** One workout of a program: its blocks in the order they are done. */
public record SessionPlan(String name, List<BlockPlan> blocks) {
}
