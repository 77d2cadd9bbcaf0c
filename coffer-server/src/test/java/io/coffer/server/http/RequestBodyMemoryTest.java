package io.coffer.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The body memory budget: nothing over the limit, nothing given back twice, nothing kept after close. */
class RequestBodyMemoryTest {

    private final RequestBodyMemory budget = new RequestBodyMemory(1000);

    @Test
    void reservationsStopAtTheLimit_andEveryRefusalIsCounted() {
        RequestBodyMemory.Connection a = budget.newConnection();
        RequestBodyMemory.Connection b = budget.newConnection();
        assertThat(a.tryReserve(600)).isTrue();
        assertThat(b.tryReserve(500)).isFalse();
        assertThat(b.tryReserve(400)).isTrue();
        assertThat(b.tryReserve(1)).isFalse();
        assertThat(budget.heldBytes()).isEqualTo(1000);
        assertThat(budget.refusedBodies()).isEqualTo(2);
    }

    @Test
    void aRequestBeingServed_staysCountedAfterItsConnectionClosed_untilTheServerDropsIt() {
        RequestBodyMemory.Connection c = budget.newConnection();
        c.tryReserve(300);
        int taken = c.takeRequest(300);
        c.tryReserve(200); // the next request, half received
        c.releaseAll(); // the client went away
        assertThat(budget.heldBytes()).isEqualTo(300);
        c.releaseTaken(taken);
        assertThat(budget.heldBytes()).isZero();
    }

    @Test
    void aConnectionNeverGivesBackMoreThanItHolds() {
        RequestBodyMemory.Connection c = budget.newConnection();
        RequestBodyMemory.Connection other = budget.newConnection();
        other.tryReserve(100);
        c.tryReserve(50);
        assertThat(c.takeRequest(80)).isEqualTo(50);
        c.releaseAll();
        c.releaseAll();
        assertThat(c.takeRequest(10)).isZero();
        assertThat(budget.heldBytes()).isEqualTo(150);
    }
}
