package com.timebank.wfm.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class CsvUploadTest {

    private final IcuMessageSource source = new IcuMessageSource();

    {
        source.setBasenames(IcuMessageSource.SERVICE_MESSAGES);
    }

    @Test
    void aLineThatIsNotCsvIsNamedByItsNumberInTheReadersLanguage() {
        UploadErrors errors = new UploadErrors();
        List<Integer> read = new ArrayList<>();
        CsvUpload.read("a,b\n1,2\n3,\"x\"y\n4,5\n", List.of("a", "b"), errors, l -> read.add(l.number()));
        assertThat(read).containsExactly(2);
        assertThat(errors.listed()).hasSize(1);
        FieldError unreadable = errors.listed().get(0);
        assertThat(unreadable.line()).isEqualTo(3);
        assertThat(unreadable.reason()).isEqualTo(Message.of("csv.unreadable", 3));
        assertThat(source.getMessage(unreadable.reason(), Locale.SIMPLIFIED_CHINESE))
                .startsWith("第 3 行无法按 CSV 读取：").doesNotContain("invalid char");
        assertThat(unreadable.reason().english()).startsWith("Line 3 cannot be read as CSV:");
    }
}
