package io.coffer.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void keyValueTableIsUnderlinedAndAlignedWithFourSpaces() {
        String table = Table.keyValue(List.of(
                List.of("created_time", "2018-03-22T02:24:06.945319214Z"),
                List.of("custom_metadata", "<nil>"),
                List.of("version", "1")));
        assertThat(table).isEqualTo("""
                Key                Value
                ---                -----
                created_time       2018-03-22T02:24:06.945319214Z
                custom_metadata    <nil>
                version            1""");
    }

    @Test
    void emptyCellsReadNotApplicable() {
        assertThat(Table.keyValue(List.of(List.of("deletion_time", ""))))
                .endsWith("deletion_time    n/a");
    }

    @Test
    void cellsAreTrimmedAndLinesHaveNoTrailingBlanks() {
        String table = Table.keyValue(List.of(List.of(" a ", " short "), List.of("longer", "x")));
        assertThat(table.lines()).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
        assertThat(table).contains("a         short");
    }

    @Test
    void noRowsNoTable() {
        assertThat(Table.keyValue(List.of())).isEmpty();
    }

    @Test
    void headerOnlyTablesUnderlineTheirOneColumn() {
        assertThat(Table.withHeader(List.of("Keys"), List.of(List.of("bar"), List.of("foo/"))))
                .isEqualTo("Keys\n----\nbar\nfoo/");
    }

    @Test
    void hanIdeographsTakeTwoColumns() {
        String table = Columns.format(List.of(List.of("密码", "x"), List.of("abcd", "y")));
        assertThat(table).isEqualTo("密码    x\nabcd    y");
    }
}
