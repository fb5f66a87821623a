package app.backbone.dashboard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class PullPushGuideTest {

    @Test
    void twoPullingSetsForEachPushingOneMeetTheGuide() {
        PullPushGuide guide = PullPushGuide.of(4, 16, 8);

        assertThat(guide.ratio()).isEqualByComparingTo("2.00");
        assertThat(guide.verdict()).isEqualTo(PullPushGuide.Verdict.MEETS);
    }

    @Test
    void fewerAreBelowIt() {
        PullPushGuide guide = PullPushGuide.of(4, 15, 8);

        assertThat(guide.ratio()).isEqualTo(new BigDecimal("1.88"));
        assertThat(guide.verdict()).isEqualTo(PullPushGuide.Verdict.BELOW);
    }

    @Test
    void withoutPushWorkThereIsNoRatio() {
        PullPushGuide guide = PullPushGuide.of(4, 12, 0);

        assertThat(guide.ratio()).isNull();
        assertThat(guide.verdict()).isEqualTo(PullPushGuide.Verdict.NO_PUSH);
    }
}
