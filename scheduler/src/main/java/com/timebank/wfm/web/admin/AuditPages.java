package com.timebank.wfm.web.admin;

import java.time.ZoneOffset;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.timebank.wfm.api.Paging;
import com.timebank.wfm.audit.AuditLog;

/** Every recorded change (admins only, as all of {@code /admin/}), newest first: who, when, what and the detail (old and new values where a change has them). */
@Controller
class AuditPages {

    static final int PAGE_SIZE = 50;

    private final AuditLog audit;

    AuditPages(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
            Model model) {
        String search = q == null || q.isBlank() ? null : q.trim();
        if (search != null && search.length() > 100) {
            search = search.substring(0, 100);
        }
        Paging paging = Paging.of(page, PAGE_SIZE);
        long total = audit.count(search);
        model.addAttribute("events", audit.recent(search, paging.offset(), paging.size()));
        model.addAttribute("q", search);
        model.addAttribute("page", paging.page());
        model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("total", total);
        model.addAttribute("zone", ZoneOffset.UTC);
        return "admin/audit";
    }
}
