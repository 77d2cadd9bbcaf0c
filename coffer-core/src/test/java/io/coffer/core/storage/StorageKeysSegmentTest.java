package io.coffer.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.core.storage.StorageKeys.SegmentProblem;
import org.junit.jupiter.api.Test;

class StorageKeysSegmentTest {

    @Test
    void segmentProblem_findsEmptyAndRelativeSegmentsAnywhere() {
        assertThat(StorageKeys.segmentProblem("a")).isEqualTo(SegmentProblem.NONE);
        assertThat(StorageKeys.segmentProblem("a/b.c/...d/.e/f..")).isEqualTo(SegmentProblem.NONE);
        for (String empty : new String[] {"", "/", "/a", "a/", "a//b", "a/b/"}) {
            assertThat(StorageKeys.segmentProblem(empty)).as(empty).isEqualTo(SegmentProblem.EMPTY);
        }
        for (String relative : new String[] {".", "..", "./a", "a/..", "a/./b", "a/../b"}) {
            assertThat(StorageKeys.segmentProblem(relative)).as(relative).isEqualTo(SegmentProblem.RELATIVE);
        }
    }
}
