package io.oregrid.edge.sql;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Verifies that query results print as aligned tables with a row count. */
class TextTableTest {

    @Test
    void alignsColumnsRightAlignsNumbersAndCountsRows() {
        TextTable table = new TextTable(List.of(new TextTable.Column("player_id", false),
                new TextTable.Column("balance", true), new TextTable.Column("cell", false)));
        table.add(List.of("p-ann", 30L, "89b")).add(Arrays.asList("p-bartholomew", 1234567L, null));

        assertThat(table.render()).isEqualTo("""
                player_id     | balance | cell
                --------------+---------+-----
                p-ann         |      30 | 89b
                p-bartholomew | 1234567 | NULL
                (2 rows)
                """);
    }

    @Test
    void anEmptyResultStillShowsItsHeaderAndOneRowIsSingular() {
        TextTable empty = new TextTable(List.of(new TextTable.Column("reputation", true)));
        TextTable one = new TextTable(List.of(new TextTable.Column("n", true))).add(List.of(7));

        assertThat(empty.render()).isEqualTo("reputation\n----------\n(0 rows)\n");
        assertThat(one.render()).isEqualTo("n\n-\n7\n(1 row)\n");
    }

    @Test
    void lineBreaksInsideAValueStayOnOneLine() {
        TextTable table = new TextTable(List.of(new TextTable.Column("text", false))).add(List.of("a\nb\tc"));

        assertThat(table.render()).isEqualTo("text\n-------\na\\nb\\tc\n(1 row)\n");
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        TextTable table = new TextTable(List.of(new TextTable.Column("a", false), new TextTable.Column("b", false)));

        assertThatThrownBy(() -> table.add(List.of("only one")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values").hasMessageContaining("2 columns");
    }
}
