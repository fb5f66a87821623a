package app.backbone.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void mappingConvertsEachEntryAndKeepsThePosition() {
        Page<Integer> lengths = new Page<>(List.of("squat", "bench press"), 2, 10, 27).map(String::length);

        assertEquals(new Page<>(List.of(5, 11), 2, 10, 27), lengths);
    }
}
