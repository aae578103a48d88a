package com.timebank.wfm.database;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.jooq.SQLDialect;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jooq.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Connector/J reports MariaDB as "MySQL 5.5.5-…", so jOOQ would pick MYSQL and render upserts MariaDB rejects.
 * The dialect comes from {@code WFM_DB_DIALECT} when set, else from the server's own version string.
 */
@Configuration(proxyBeanMethods = false)
class JooqDialect {

    @Bean
    DefaultConfigurationCustomizer wfmDialect(DataSource dataSource, @Value("${WFM_DB_DIALECT:}") String configured) {
        SQLDialect dialect = StringUtils.hasText(configured) ? SQLDialect.valueOf(configured.trim().toUpperCase())
                : detect(dataSource);
        return c -> c.set(dialect).settings().withRenderSchema(false);
    }

    static SQLDialect detect(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            String version = connection.getMetaData().getDatabaseProductVersion();
            return version != null && version.toLowerCase().contains("mariadb") ? SQLDialect.MARIADB : SQLDialect.MYSQL;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database version to choose the SQL dialect", e);
        }
    }
}
