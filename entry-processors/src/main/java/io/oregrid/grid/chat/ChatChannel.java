package io.oregrid.grid.chat;

import com.google.common.geometry.S2CellId;

import java.util.Optional;

/**
 * A chat channel's name as clients write it in {@code chat.message} and in the history route (SPEC
 * "WebSocket {@code /ws}", seed 001 §7.2): {@code global}, or {@code cell:<token>} where the token is
 * an S2 cell at the game level. The subscription channel is the same name behind {@code chat:}.
 *
 * @param name      {@code global} or {@code cell:<token>}
 * @param cellToken the cell's token, or null for {@code global}
 */
public record ChatChannel(String name, String cellToken) {
    /** The one channel every player can read and write. */
    public static final ChatChannel GLOBAL = new ChatChannel("global", null);
    private static final String CELL_PREFIX = "cell:";

    /**
     * @param name      a channel name from a client
     * @param cellLevel the game's S2 level; a cell channel's token must be a valid cell of that level
     * @return the channel, or empty when the name is neither {@code global} nor a game cell
     */
    public static Optional<ChatChannel> parse(String name, int cellLevel) {
        if (GLOBAL.name.equals(name)) {
            return Optional.of(GLOBAL);
        }
        if (name == null || !name.startsWith(CELL_PREFIX)) {
            return Optional.empty();
        }
        String token = name.substring(CELL_PREFIX.length());
        return validCellToken(token, cellLevel) ? Optional.of(new ChatChannel(name, token)) : Optional.empty();
    }

    /** @return the cell channel of {@code cellToken} */
    public static ChatChannel ofCell(String cellToken) {
        return new ChatChannel(CELL_PREFIX + cellToken, cellToken);
    }

    /** @return whether {@code token} is the canonical token of a valid S2 cell at {@code level} */
    public static boolean validCellToken(String token, int level) {
        if (token == null || token.isEmpty() || token.length() > 16) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (Character.digit(token.charAt(i), 16) < 0) {
                return false;
            }
        }
        S2CellId id = S2CellId.fromToken(token);
        return id.isValid() && id.level() == level && id.toToken().equals(token);
    }
}
