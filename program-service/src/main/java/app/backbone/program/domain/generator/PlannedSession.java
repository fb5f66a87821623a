package app.backbone.program.domain.generator;

import java.util.List;

/** One workout of the week: its blocks in the order they are done. */
public record PlannedSession(String name, List<Block> blocks) {

    public PlannedSession {
        blocks = List.copyOf(blocks);
    }

    /** Every prescription of the session, block by block. */
    public List<Prescription> prescriptions() {
        return blocks.stream().flatMap(block -> block.prescriptions().stream()).toList();
    }
}
