package com.timebank.wfm.history;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The center's interval history: the input of forecasting. */
@Service
public class ContactHistoryService {

    private final ContactHistoryRepository repository;
    private final Clock clock;

    ContactHistoryService(ContactHistoryRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public record Stored(int accepted, int replaced) {
    }

    /** Stores already validated rows on the center's grid; a re-sent interval replaces the earlier one. */
    @Transactional
    public Stored store(long centerId, Collection<ContactVolume> rows, String actor) {
        int replaced = repository.upsert(centerId, rows, actor, LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
        return new Stored(rows.size(), replaced);
    }

    @Transactional(readOnly = true)
    public List<ContactVolume> between(long centerId, LocalDate from, LocalDate toInclusive) {
        return repository.between(centerId, from, toInclusive);
    }

    @Transactional(readOnly = true)
    public int count(long centerId) {
        return repository.count(centerId);
    }
}
