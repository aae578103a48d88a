package com.timebank.wfm.timebank;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.timebank.wfm.api.FieldError;

class ActivityFileTest {

    @Test
    void goodFileGivesRows() {
        ActivityFile f = ActivityFile.parseCsv("""
                employee_no,date,logged_seconds,aux_seconds
                E1,2026-11-02,28800,600
                E2,2026-11-02,0,0
                """);
        assertThat(f.errors()).isEmpty();
        assertThat(f.rows()).containsExactly(new ActivityRow(2, "E1", LocalDate.of(2026, 11, 2), 28_800, 600),
                new ActivityRow(3, "E2", LocalDate.of(2026, 11, 2), 0, 0));
    }

    @Test
    void everyBadLineIsListed() {
        ActivityFile f = ActivityFile.parseCsv("""
                employee_no,date,logged_seconds,aux_seconds
                E1,2026-11-02,28800,600
                E2,2026-13-02,100,0
                E3,2026-11-02,-5,0
                E4,2026-11-02,100,200
                E5,2026-11-02,90000,0
                E1,2026-11-02,28800,600
                E6,2026-11-02,abc,0
                E7,2026-11-02,100
                """);
        assertThat(f.errors()).extracting(FieldError::line).containsExactlyInAnyOrder(3, 4, 5, 6, 7, 8, 9);
        assertThat(f.errors()).filteredOn(e -> e.line() == 5).first()
                .extracting(FieldError::message).asString().contains("more than the logged time");
        assertThat(f.errors()).filteredOn(e -> e.line() == 7).first()
                .extracting(FieldError::message).asString().contains("first on line 2");
    }

    @Test
    void wrongHeaderIsReportedOnLineOne() {
        ActivityFile f = ActivityFile.parseCsv("employee,date,logged_seconds,aux_seconds\nE1,2026-11-02,1,0\n");
        assertThat(f.errors()).extracting(FieldError::line).containsOnly(1);
        assertThat(f.errors()).extracting(FieldError::field).contains("employee_no", "employee");
    }

    @Test
    void jsonRowsAreCheckedTheSameWay() {
        ActivityFile f = ActivityFile.fromJson(List.of(new ActivityFile.JsonRow("E1", "2026-11-02", 100L, 5L),
                new ActivityFile.JsonRow("E2", "yesterday", 100L, null)));
        assertThat(f.rows()).hasSize(1);
        assertThat(f.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("date", "aux_seconds");
    }

    @Test
    void signInsAndHandledTimeAreOptionalColumns() {
        ActivityFile f = ActivityFile.parseCsv("""
                employee_no,date,logged_seconds,aux_seconds,sign_ins,handle_seconds
                E1,2026-11-02,28800,900,2,23000
                E2,2026-11-02,28800,900,,
                E3,2026-11-02,28800,900,x,30000
                """);
        assertThat(f.rows()).hasSize(2);
        assertThat(f.rows().get(0).signIns()).isEqualTo(2);
        assertThat(f.rows().get(0).handleSeconds()).isEqualTo(23_000);
        assertThat(f.rows().get(1).signIns()).isNull();
        assertThat(f.rows().get(1).handleSeconds()).isNull();
        assertThat(f.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("sign_ins", "handle_seconds");
        assertThat(f.errors()).extracting(e -> e.reason().code())
                .containsExactlyInAnyOrder("activity.sign-ins.invalid", "activity.handle.over-logged");

        ActivityFile without = ActivityFile.parseCsv("employee_no,date,logged_seconds,aux_seconds\nE1,2026-11-02,1,0\n");
        assertThat(without.errors()).isEmpty();
        assertThat(without.rows().get(0).signIns()).isNull();

        ActivityFile json = ActivityFile.fromJson(List.of(
                new ActivityFile.JsonRow("E1", "2026-11-02", 100L, 5L, 3L, 90L),
                new ActivityFile.JsonRow("E2", "2026-11-02", 100L, 5L, 2_000L, null)));
        assertThat(json.rows()).hasSize(1);
        assertThat(json.rows().get(0).signIns()).isEqualTo(3);
        assertThat(json.errors()).extracting(FieldError::field).containsExactly("sign_ins");
    }
}
