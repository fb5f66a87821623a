package app.backbone.logging.domain.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The unit of the weights in a file. */
public enum WeightUnit {
    KG, LB;

    private static final BigDecimal KG_PER_LB = new BigDecimal("0.45359237");

    /** The weight in kilograms, kept to 0.01 kg. */
    public BigDecimal toKg(BigDecimal weight) {
        BigDecimal kg = this == LB ? weight.multiply(KG_PER_LB) : weight;
        return kg.setScale(2, RoundingMode.HALF_UP);
    }
}
