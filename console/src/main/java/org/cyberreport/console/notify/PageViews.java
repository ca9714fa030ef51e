package org.cyberreport.console.notify;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Notes in the session when the user last opened a page. The notification stream reconnects by itself
 * and every reconnect touches the session; it ends once no page was opened for the session's idle
 * time, so that an unattended tab does not keep a session alive (it then ends an idle time later).
 */
@Configuration
class PageViews implements WebMvcConfigurer, HandlerInterceptor {

    static final String LAST_PAGE = PageViews.class.getName() + ".lastPage";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/notifications/stream", "/css/**", "/js/**", "/webjars/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(LAST_PAGE, Instant.now());
        }
        return true;
    }

    /** Whether the user opened a page within the session's idle time. */
    static boolean recent(HttpSession session) {
        if (session == null) {
            return false;
        }
        Object last = session.getAttribute(LAST_PAGE);
        int idle = session.getMaxInactiveInterval(); // 0 or less: the session never times out
        return last instanceof Instant at && (idle <= 0 || at.plusSeconds(idle).isAfter(Instant.now()));
    }
}
