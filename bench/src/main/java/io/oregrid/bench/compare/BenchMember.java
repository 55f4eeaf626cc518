package io.oregrid.bench.compare;

import com.hazelcast.core.Hazelcast;
import io.oregrid.node.GridConfigFactory;
import io.oregrid.node.config.OreConfig;

/**
 * A bare grid member for the client-over-loopback rows (ARCHITECTURE "Runtime shapes": Member):
 * the maps and serialization of a real node, configured from {@code ORE_*} variables, no edge. Runs
 * until the process is terminated (the bench sends SIGTERM).
 */
public final class BenchMember {

    private BenchMember() {
    }

    public static void main(String[] args) throws InterruptedException {
        Hazelcast.newHazelcastInstance(GridConfigFactory.memberConfig(OreConfig.load(null)));
        Thread.currentThread().join();
    }
}
