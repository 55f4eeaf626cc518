package io.oregrid.edge.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A query result as an aligned plain-text table, the way {@code ./ore sql} prints it:
 *
 * <pre>
 * player_id | balance
 * ----------+--------
 * p-ann     |      30
 * p-cid     |      20
 * (2 rows)
 * </pre>
 *
 * Numeric columns are right-aligned, others left-aligned; SQL NULL prints as {@code NULL}; line
 * breaks and tabs inside a value print as {@code \n}, {@code \r}, {@code \t} so every row stays on
 * one line.
 */
public final class TextTable {
    private static final String SEPARATOR = " | ";

    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * One column of the table.
     *
     * @param name         the header
     * @param rightAligned whether values are right-aligned (numbers)
     */
    public record Column(String name, boolean rightAligned) {
    }

    /** @param columns the table's columns, in display order (at least one) */
    public TextTable(List<Column> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.columns = List.copyOf(columns);
    }

    /**
     * Adds a row.
     *
     * @param values one value per column (any object; null is SQL NULL)
     * @throws IllegalArgumentException when the number of values is not the number of columns
     */
    public TextTable add(List<?> values) {
        if (values.size() != columns.size()) {
            throw new IllegalArgumentException("row has " + values.size() + " values, table has "
                    + columns.size() + " columns");
        }
        List<String> cells = new ArrayList<>(values.size());
        for (Object value : values) {
            cells.add(cell(value));
        }
        rows.add(cells);
        return this;
    }

    /** @return rows added so far */
    public int rowCount() {
        return rows.size();
    }

    /**
     * @return header, dashed rule, one line per row and the closing {@code (N rows)} line, each
     *         line ending with {@code \n}; trailing blanks of a line are trimmed
     */
    public String render() {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = columns.get(c).name().length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, columns.stream().map(Column::name).toList(), widths, false);
        for (int c = 0; c < widths.length; c++) {
            out.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
        }
        out.append('\n');
        for (List<String> row : rows) {
            line(out, row, widths, true);
        }
        out.append(rows.size() == 1 ? "(1 row)" : "(" + rows.size() + " rows)").append('\n');
        return out.toString();
    }

    private void line(StringBuilder out, List<String> cells, int[] widths, boolean alignValues) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            if (c > 0) {
                line.append(SEPARATOR);
            }
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            line.append(alignValues && columns.get(c).rightAligned() ? pad + cell : cell + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String cell(Object value) {
        if (value == null) {
            return "NULL";
        }
        return value.toString().replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }
}
