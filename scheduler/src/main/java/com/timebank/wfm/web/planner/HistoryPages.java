package com.timebank.wfm.web.planner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import com.timebank.wfm.api.InvalidInputException;
import com.timebank.wfm.history.ContactHistoryService;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.web.Flash;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Uploading a center's contact history as CSV. A bad file is refused whole by {@link ContactHistoryService}; the
 * page then lists every bad line with its column and reason, and nothing is stored.
 */
@Controller
class HistoryPages {

    private final PlannerCenters centers;
    private final ContactHistoryService history;
    private final Flash flash;
    private final Clock clock;

    HistoryPages(PlannerCenters centers, ContactHistoryService history, Flash flash, Clock clock) {
        this.centers = centers;
        this.history = history;
        this.flash = flash;
        this.clock = clock;
    }

    static String path(Center center) {
        return "/planner/history?center=" + UriUtils.encodeQueryParam(center.code(), StandardCharsets.UTF_8);
    }

    @GetMapping("/planner/history")
    String page(@RequestParam(required = false) String center, CurrentUser user, Model model) {
        centers.addTo(model, center, user).ifPresent(c -> summary(c, model));
        return "planner/history";
    }

    @PostMapping("/planner/history")
    String upload(@RequestParam String center, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) Integer intervalMinutes, CurrentUser user, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Center c = centers.addNamed(model, center, user);
        model.addAttribute("intervalMinutes", intervalMinutes);
        String fileName = file == null ? null : file.getOriginalFilename();
        model.addAttribute("fileName", fileName);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "planner.history.error.no-file");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            summary(c, model);
            return "planner/history";
        }
        try (java.io.Reader csv = new com.timebank.wfm.api.UploadBody(file.getInputStream()).reader()) {
            ContactHistoryService.Imported done = history.importCsv(c.code(), intervalMinutes, csv, user);
            flash.success(redirect, "planner.history.imported", fileName == null ? "" : fileName, done.accepted(),
                    done.intervals(), done.replaced());
            return "redirect:" + path(c);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read the uploaded file", e);
        } catch (InvalidInputException e) {
            if (e.errors().size() == 1 && "csv.encoding".equals(e.errors().get(0).code())) {
                model.addAttribute("fileError", "planner.history.error.encoding");
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                summary(c, model);
                return "planner/history";
            }
            model.addAttribute("refusal", e.reason());
            model.addAttribute("problems", e.errors());
            response.setStatus(e.status().value());
            summary(c, model);
            return "planner/history";
        }
    }

    private void summary(Center c, Model model) {
        model.addAttribute("storedIntervals", history.count(c.id()));
        model.addAttribute("lastDate", history.lastDate(c.id(), null, c.today(clock)).orElse(null));
    }
}
