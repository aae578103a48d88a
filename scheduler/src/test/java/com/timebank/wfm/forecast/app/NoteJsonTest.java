package com.timebank.wfm.forecast.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.timebank.wfm.forecast.Note;

class NoteJsonTest {

    @Test
    void notesKeepTheirCodeAndArgumentsThroughStorage() {
        Note why = Note.of("forecast.note.auto-picked", "seasonal-naive", 0.8125, 0.12, 8, 10, "hw 0.900");
        Note read = NoteJson.read(NoteJson.write(why));
        assertThat(read.code()).isEqualTo("forecast.note.auto-picked");
        assertThat(read.args()).containsExactly("seasonal-naive", new BigDecimal("0.8125"), new BigDecimal("0.12"), 8L,
                10L, "hw 0.900");
        assertThat(NoteJson.readList(NoteJson.write(List.of(why, Note.of("forecast.note.special-day-copy", "2027-01-01",
                "2026-12-31"))))).extracting(Note::code).containsExactly("forecast.note.auto-picked",
                "forecast.note.special-day-copy");
    }

    @Test
    void textStoredBeforeNotesWereCodesIsShownAsItIs() {
        assertThat(NoteJson.read("auto: picked hw (backtest MASE 0.800)"))
                .isEqualTo(Note.of(NoteJson.PLAIN_TEXT, "auto: picked hw (backtest MASE 0.800)"));
        assertThat(NoteJson.readList("first\nsecond")).extracting(n -> n.args().get(0)).containsExactly("first", "second");
        assertThat(NoteJson.readList(null)).isEmpty();
    }
}
