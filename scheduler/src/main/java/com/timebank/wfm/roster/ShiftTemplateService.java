package com.timebank.wfm.roster;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.Validation;
import com.timebank.wfm.audit.AuditAction;
import com.timebank.wfm.audit.AuditDetail;
import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.database.Transactions;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.security.CurrentUser;

/**
 * A center's shift templates, which rosters build their shift options from; the built-in ones while the center has
 * none. Planners of the center and admins read and replace them; anyone else gets a 404. A change applies to rosters
 * started (or resumed) after it; published shifts are never changed by it.
 */
@Service
public class ShiftTemplateService {

    private final ShiftTemplateRepository repository;
    private final OrganisationService organisation;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    ShiftTemplateService(ShiftTemplateRepository repository, OrganisationService organisation,
            Transactions transactions, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.organisation = organisation;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The templates in force and whether they are the built-in defaults. */
    public record Templates(String center, int intervalMinutes, boolean defaults, List<ShiftTemplate> templates) {
    }

    @Transactional(readOnly = true)
    public Templates templates(String centerCode, CurrentUser user) {
        Center center = organisation.plannedCenter(centerCode, user);
        return view(center);
    }

    /** Replaces every template of the center: 400 with every bad field listed, nothing written. */
    public Templates replace(String centerCode, List<ShiftTemplate> templates, CurrentUser user) {
        Center center = organisation.plannedCenter(centerCode, user);
        Validation v = new Validation();
        ShiftTemplate.validate(templates, center.intervalMinutes(), v);
        v.throwIfInvalid();
        transactions.write(() -> {
            repository.replace(center.id(), templates, user.actor(), LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
            audit.record(user.actor(), AuditAction.SHIFT_TEMPLATES_CHANGED, "center:" + center.code(),
                    Message.of("audit.shift-templates-changed", templates.size(),
                            AuditDetail.list(templates.stream().map(ShiftTemplate::code).toList())));
            return null;
        });
        return view(center);
    }

    /** Back to the built-in templates. */
    public Templates reset(String centerCode, CurrentUser user) {
        Center center = organisation.plannedCenter(centerCode, user);
        transactions.write(() -> {
            repository.replace(center.id(), List.of(), user.actor(), LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
            audit.record(user.actor(), AuditAction.SHIFT_TEMPLATES_RESET, "center:" + center.code(),
                    Message.of("audit.shift-templates-reset"));
            return null;
        });
        return view(center);
    }

    /** The templates rosters of the center use (no user scope: for services that checked theirs). */
    @Transactional(readOnly = true)
    public List<ShiftTemplate> templatesOf(long centerId) {
        List<ShiftTemplate> stored = repository.ofCenter(centerId);
        return stored.isEmpty() ? ShiftTemplate.defaults() : stored;
    }

    private Templates view(Center center) {
        List<ShiftTemplate> stored = repository.ofCenter(center.id());
        return new Templates(center.code(), center.intervalMinutes(), stored.isEmpty(),
                stored.isEmpty() ? ShiftTemplate.defaults() : stored);
    }
}
