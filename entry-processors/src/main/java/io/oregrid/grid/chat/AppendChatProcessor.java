package io.oregrid.grid.chat;

import com.hazelcast.map.EntryProcessor;

import java.util.Arrays;
import java.util.Map;

/**
 * Appends a message to its channel's bounded history, dropping the oldest beyond {@code max}.
 * Deterministic (id and time are chosen by the caller) and idempotent: a message whose id is
 * already kept is not appended again, so a retry or a re-run on a backup replica changes nothing.
 *
 * @param message the message (its {@code channel} is the entry's key)
 * @param max     messages kept per channel
 */
public record AppendChatProcessor(ChatMessage message, int max) implements EntryProcessor<String, ChatRing, Boolean> {

    /** @return whether the message was appended (false: it was already there) */
    @Override
    public Boolean process(Map.Entry<String, ChatRing> entry) {
        ChatMessage[] kept = entry.getValue() == null ? new ChatMessage[0] : entry.getValue().messages();
        if (entry.getValue() != null && entry.getValue().contains(message.id())) {
            return false;
        }
        int keep = Math.min(kept.length, max - 1);
        ChatMessage[] next = Arrays.copyOfRange(kept, kept.length - keep, kept.length + 1);
        next[keep] = message;
        entry.setValue(new ChatRing(entry.getKey(), next));
        return true;
    }
}
