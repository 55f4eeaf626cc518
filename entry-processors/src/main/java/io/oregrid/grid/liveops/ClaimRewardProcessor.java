package io.oregrid.grid.liveops;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/**
 * Marks a granted reward as claimed with its receipt (capability 8), idempotent per reward: the
 * first claim fixes {@code receiptId} and {@code issuedAtMs}; every later claim gets the same
 * reward back unchanged, so the same receipt is issued again.
 *
 * @param rewardId   the reward
 * @param receiptId  the receipt id to record (derived from player and reward by the caller)
 * @param nowMs      node clock, epoch ms
 */
public record ClaimRewardProcessor(String rewardId, String receiptId, long nowMs)
        implements EntryProcessor<String, LiveOpsPlayer, GrantedReward> {

    /** @return the claimed reward, or null when the player has not been granted it */
    @Override
    public GrantedReward process(Map.Entry<String, LiveOpsPlayer> entry) {
        LiveOpsPlayer state = entry.getValue();
        GrantedReward reward = state == null ? null : state.reward(rewardId);
        if (reward == null || reward.claimed()) {
            return reward;
        }
        GrantedReward claimed = new GrantedReward(reward.rewardId(), reward.amount(), reward.reason(),
                reward.grantedAtMs(), receiptId, nowMs);
        LiveOpsPlayer.Builder next = state.toBuilder();
        next.rewards.replaceAll(r -> r.rewardId().equals(rewardId) ? claimed : r);
        entry.setValue(next.build());
        return claimed;
    }
}
