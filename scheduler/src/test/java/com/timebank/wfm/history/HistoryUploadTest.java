package com.timebank.wfm.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.timebank.wfm.api.FieldError;
import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.api.UploadErrors;

class HistoryUploadTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private static HistoryUpload.Result csv(int centerMinutes, Integer declared, String text) {
        UploadErrors errors = new UploadErrors();
        List<HistoryUpload.Row> rows = HistoryUpload.readCsv(text, errors);
        return HistoryUpload.check(centerMinutes, declared, rows, errors, TODAY);
    }

    private static List<FieldError> errors(int centerMinutes, Integer declared, String text) {
        try {
            csv(centerMinutes, declared, text);
        } catch (InvalidInputException e) {
            return e.errors();
        }
        throw new AssertionError("expected the upload to be refused");
    }

    @Test
    void rowsOnTheCenterGridAreKeptAsTheyAre() {
        HistoryUpload.Result r = csv(30, null, """
                interval_start,contacts,aht_seconds
                2025-03-03T08:00,12,240
                2025-03-03T08:30,0,0
                """);
        assertThat(r.rows()).isEqualTo(2);
        assertThat(r.intervals()).containsExactly(
                new ContactVolume("default", LocalDateTime.parse("2025-03-03T08:00"), 12, 240),
                new ContactVolume("default", LocalDateTime.parse("2025-03-03T08:30"), 0, 0));
    }

    @Test
    void finerRowsAreSummedWithContactWeightedAht() {
        HistoryUpload.Result r = csv(30, null, """
                interval_start,queue,contacts,aht_seconds
                2025-03-03T08:00,voice,10,100
                2025-03-03T08:15,voice,30,200
                2025-03-03T08:15,chat,5,300
                2025-03-03T08:30,voice,0,0
                2025-03-03T08:45,voice,0,0
                """);
        assertThat(r.rows()).isEqualTo(5);
        assertThat(r.intervals()).containsExactlyInAnyOrder(
                new ContactVolume("voice", LocalDateTime.parse("2025-03-03T08:00"), 40, 175),
                new ContactVolume("chat", LocalDateTime.parse("2025-03-03T08:00"), 5, 300),
                new ContactVolume("voice", LocalDateTime.parse("2025-03-03T08:30"), 0, 0));
    }

    @Test
    void everyBadLineIsListedWithItsLineNumber() {
        List<FieldError> errors = errors(30, null, """
                interval_start,contacts,aht_seconds
                2025-03-03T08:00,12,240
                2025-03-0308:30,12,240

                2025-03-03T09:00,-1,240
                2025-03-03T09:07,3,240
                2025-03-03T09:30,4,
                2025-03-03T10:00,x,240
                2025-03-03T08:00,1,100
                2025-03-03T10:30,5,0
                2025-03-03T11:00,5
                """);
        assertThat(errors).extracting(FieldError::line).containsExactly(3, 5, 6, 7, 8, 9, 10, 11);
        assertThat(errors).extracting(FieldError::field).containsExactly("interval_start", "contacts",
                "interval_start", "aht_seconds", "contacts", "interval_start", "aht_seconds", "line");
        assertThat(errors.get(6).message()).contains("above 0");
        assertThat(errors.get(5).message()).contains("repeats line 2");
    }

    @Test
    void headerProblemsAreReportedOnLineOne() {
        assertThat(errors(30, null, "start,contacts,aht_seconds,colour\n2025-03-03T08:00,1,2,red\n"))
                .extracting(FieldError::line, FieldError::field)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(1, "start"),
                        org.assertj.core.groups.Tuple.tuple(1, "colour"),
                        org.assertj.core.groups.Tuple.tuple(1, "interval_start"));
        assertThat(errors(30, null, "")).extracting(FieldError::line).containsExactly(1);
    }

    @Test
    void declaredCoarserDataIsRefusedAndDeclaredFinerGridIsEnforced() {
        assertThatThrownBy(() -> csv(30, 60, "interval_start,contacts,aht_seconds\n2025-03-03T08:00,1,2\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("coarser");
        assertThat(errors(30, 15, "interval_start,contacts,aht_seconds\n2025-03-03T08:05,1,2\n"))
                .extracting(FieldError::message).first().asString().contains("off the 15-minute grid");
        assertThat(csv(60, 15, "interval_start,contacts,aht_seconds\n2025-03-03T08:45,1,2\n").intervals())
                .extracting(ContactVolume::intervalStart).containsExactly(LocalDateTime.parse("2025-03-03T08:00"));
    }

    @Test
    void datesOutsideTheAcceptedRangeAreRefusedOnTheirLine() {
        List<FieldError> errors = errors(30, null, """
                interval_start,contacts,aht_seconds
                0001-01-01T08:00,1,100
                2025-03-03T08:00,1,100
                9999-12-31T08:00,1,100
                """);
        assertThat(errors).extracting(FieldError::line).containsExactly(2, 4);
        assertThat(errors).extracting(FieldError::code).containsOnly("range.date");
    }

    @Test
    void aWhollyWrongLargeFileListsTheFirstThousandProblemsAndCountsThemAll() {
        StringBuilder csv = new StringBuilder("interval_start,contacts,aht_seconds\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append("not-a-time,x,y\n");
        }
        assertThatThrownBy(() -> csv(30, null, csv.toString())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> {
                    assertThat(e.errors()).hasSize(1_000);
                    assertThat(e.total()).isEqualTo(150_000);
                    assertThat(e.errors().get(0).line()).isEqualTo(2);
                });
    }

    @Test
    void jsonRowsAreLocatedByIndex() {
        List<HistoryUpload.Row> rows = List.of(
                new HistoryUpload.Row(null, 0, "2025-03-03T08:00", null, 3, 100),
                new HistoryUpload.Row(null, 1, "2025-03-03T08:30", null, null, 100));
        assertThatThrownBy(() -> HistoryUpload.check(30, null, rows, new UploadErrors(), TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("[1].contacts"));
    }

    @Test
    void theHourRepeatedWhenDaylightSavingTimeEndsIsSummedIntoItsLocalInterval() {
        // Europe/Berlin, 2025-10-26: the clocks go back from 03:00 to 02:00, so a phone system exporting local
        // times sends 02:00 and 02:30 twice; a third 02:00, or a repeat on another day, is still a repeat
        UploadErrors errors = new UploadErrors();
        List<HistoryUpload.Row> rows = HistoryUpload.readCsv("""
                interval_start,contacts,aht_seconds
                2025-10-26T01:30,10,200
                2025-10-26T02:00,10,200
                2025-10-26T02:30,8,300
                2025-10-26T02:00,30,100
                2025-10-26T02:30,0,0
                2025-10-26T03:00,12,240
                """, errors);
        HistoryUpload.Result r = HistoryUpload.check(30, null, rows, errors, TODAY, ZoneId.of("Europe/Berlin"));
        assertThat(r.rows()).isEqualTo(6);
        assertThat(r.intervals()).containsExactly(
                new ContactVolume("default", LocalDateTime.parse("2025-10-26T01:30"), 10, 200),
                new ContactVolume("default", LocalDateTime.parse("2025-10-26T02:00"), 40, 125),
                new ContactVolume("default", LocalDateTime.parse("2025-10-26T02:30"), 8, 300),
                new ContactVolume("default", LocalDateTime.parse("2025-10-26T03:00"), 12, 240));

        UploadErrors more = new UploadErrors();
        List<HistoryUpload.Row> thrice = HistoryUpload.readCsv("""
                interval_start,contacts,aht_seconds
                2025-10-26T02:00,10,200
                2025-10-26T02:00,10,200
                2025-10-26T02:00,10,200
                2025-10-25T02:00,10,200
                2025-10-25T02:00,10,200
                """, more);
        assertThatThrownBy(() -> HistoryUpload.check(30, null, thrice, more, TODAY, ZoneId.of("Europe/Berlin")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::line).containsExactly(4, 6));
    }
}
