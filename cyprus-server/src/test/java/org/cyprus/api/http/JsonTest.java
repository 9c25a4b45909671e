package org.cyprus.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    private final ObjectMapper mapper = Json.mapper();

    @Test
    void documentsNestedDeeperThanTheLimitAreRefused() throws Exception {
        String deep = "[".repeat(Json.MAX_NESTING_DEPTH + 1) + "]".repeat(Json.MAX_NESTING_DEPTH + 1);
        assertThatThrownBy(() -> mapper.readTree(deep)).isInstanceOf(JsonProcessingException.class).hasMessageContaining("nesting depth");
        String allowed = "[".repeat(Json.MAX_NESTING_DEPTH) + "]".repeat(Json.MAX_NESTING_DEPTH);
        assertThat(mapper.readTree(allowed).isArray()).isTrue();
    }

    @Test
    void documentsWrittenOnManyShortLivedVirtualThreadsReuseTheSameFewBuffers() throws Exception {
        RecyclerPool<BufferRecycler> pool = mapper.getFactory()._getRecyclerPool();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            Thread t = Thread.ofVirtual().start(() -> {
                try {
                    assertThat(mapper.writeValueAsString(Map.of("n", n))).isEqualTo("{\"n\":" + n + "}");
                } catch (JsonProcessingException e) {
                    throw new AssertionError(e);
                }
            });
            t.join(); // one after another: each finds the buffers the last one gave back
            threads.add(t);
        }
        assertThat(threads).hasSize(200);
        assertThat(pool.pooledCount()).isBetween(1, 2);
    }
}
