package com.timebank.wfm.web.admin;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.timebank.wfm.api.Message;
import com.timebank.wfm.api.Paging;
import com.timebank.wfm.audit.AuditAction;
import com.timebank.wfm.audit.AuditLog;

/**
 * Every recorded change (admins only, as all of {@code /admin/}), newest first: who, when, what and the detail (old
 * and new values where a change has them), in the reader's language. The action's code stays next to its name, as
 * admins search by it.
 */
@Controller
class AuditPages {

    static final int PAGE_SIZE = 50;

    private final AuditLog audit;
    private final MessageSource messages;

    AuditPages(AuditLog audit, MessageSource messages) {
        this.audit = audit;
        this.messages = messages;
    }

    /** The actions whose name in the reader's language holds {@code search} (none for no search). */
    private List<AuditAction> named(String search, Locale locale) {
        if (search == null) {
            return List.of();
        }
        String wanted = search.toLowerCase(locale);
        return Arrays.stream(AuditAction.values())
                .filter(a -> messages.getMessage("admin.audit.action." + a.name(), null, a.code(), locale)
                        .toLowerCase(locale).contains(wanted))
                .toList();
    }

    /**
     * One event as the page shows it: the action's name (null for a code no action has any more, shown as the code)
     * and the detail to render (null when the event has none, or only the English text of an event recorded before
     * details were kept as messages: that text is shown as it is, there being nothing to translate it from).
     */
    record Row(AuditLog.Event event, Message action, Message detail) {

        static Row of(AuditLog.Event e) {
            return new Row(e, AuditAction.of(e.action()).map(a -> Message.of("admin.audit.action." + a.name()))
                    .orElse(null), e.detail());
        }
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
            Model model, Locale locale) {
        String search = q == null || q.isBlank() ? null : q.trim();
        if (search != null && search.length() > 100) {
            search = search.substring(0, 100);
        }
        Paging paging = Paging.of(page, PAGE_SIZE);
        List<AuditAction> named = named(search, locale);
        long total = audit.count(search, named);
        List<Row> rows = audit.recent(search, named, paging.offset(), paging.size()).stream().map(Row::of).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("q", search);
        model.addAttribute("page", paging.page());
        model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("total", total);
        model.addAttribute("zone", ZoneOffset.UTC);
        return "admin/audit";
    }
}
