package app.backbone.program.domain.generator;

import java.util.List;

/** Consecutive prescriptions of one kind within a session; {@code note} may be null. */
public record Block(BlockType type, List<Prescription> prescriptions, String note) {

    public Block {
        prescriptions = List.copyOf(prescriptions);
    }
}
