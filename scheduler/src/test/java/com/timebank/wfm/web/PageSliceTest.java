package com.timebank.wfm.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import com.timebank.wfm.audit.AuditLog;
import com.timebank.wfm.forecast.app.ForecastService;
import com.timebank.wfm.history.ContactHistoryService;
import com.timebank.wfm.jobs.NightlyJobs;
import com.timebank.wfm.org.Center;
import com.timebank.wfm.org.OrganisationService;
import com.timebank.wfm.roster.RosterService;
import com.timebank.wfm.security.CurrentUser;
import com.timebank.wfm.security.Role;
import com.timebank.wfm.security.WfmPrincipal;
import com.timebank.wfm.users.UserService;

/**
 * A page controller tested as a slice: controllers, binder and templates, with the services mocked and no database.
 * Every class so annotated gets the same Spring context, built once per JVM and then taken from the test context
 * cache: it holds the controllers named in {@link SlicedControllers} and a mock of each service they use. A test
 * takes the mocks it stubs by {@code @Autowired}; they are reset after each test. A new slice adds its controller
 * and the services it needs here, not on its own class (that would make a second context). The slices share the
 * mocks, so they never run at the same time when the fast set runs test classes in parallel.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(properties = "logging.level.root=WARN", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.(IdempotencyFilter|UploadLimit)"),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = PageSliceTest.SlicedControllers.class)})
@Import(PageSliceTest.Beans.class)
@ResourceLock("page-slice-context")
@MockitoBean(types = {AuditLog.class, ContactHistoryService.class, ForecastService.class, NightlyJobs.class,
        OrganisationService.class, RosterService.class, UserService.class})
public @interface PageSliceTest {

    Center CENTER = new Center(7, "SH", "Shanghai", ZoneId.of("Asia/Shanghai"), 30);
    CurrentUser PLANNER = new CurrentUser(3, "planner", Role.PLANNER, null, null, null, null, Set.of(7L), Set.of(),
            Set.of());

    /** Leaves out every controller but the sliced ones, named here because they are package-private. */
    class SlicedControllers implements TypeFilter {
        private static final Set<String> SLICED = Set.of("com.timebank.wfm.web.RosterPages",
                "com.timebank.wfm.web.planner.ForecastPages", "com.timebank.wfm.web.planner.JobPages",
                "com.timebank.wfm.web.admin.AuditPages");

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().isAnnotated(Controller.class.getName())
                    && !SLICED.contains(reader.getClassMetadata().getClassName());
        }
    }

    /** The ICU message source and the beans the templates and the controllers use, by name (package-private). */
    @TestConfiguration
    @ComponentScan(basePackages = {"com.timebank.wfm.api", "com.timebank.wfm.web"}, useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "com\\.timebank\\.wfm\\."
                    + "(api\\.(MessagesConfig|Problems)|web\\.(Navigation|PageFormat|Flash|EntryReasons)"
                    + "|web\\.planner\\.(PlannerCenters|PlannerNavigation|MeasureFormat))"))
    class Beans {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-03-10T04:00:00Z"), ZoneOffset.UTC);
        }
    }

    /** The planner of {@link #CENTER}, who plans that center only. */
    final class Planner {
        private Planner() {
        }

        /** Signed in. */
        public static WfmPrincipal principal() {
            return new WfmPrincipal(PLANNER, "x", true);
        }

        /** The planner's one center, as the organisation mock answers for it. */
        public static void scope(OrganisationService organisation) {
            when(organisation.centers(any())).thenReturn(List.of(CENTER));
            when(organisation.plannedCenter(eq("SH"), any())).thenReturn(CENTER);
        }
    }
}
