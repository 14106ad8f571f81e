package org.nuanxin.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The union service's settings ({@code nuanxin.service.*}); the engine's own are the starter's
 * ({@code nuanxin.*}).
 */
@ConfigurationProperties("nuanxin.service")
public class ServiceProperties {

    /**
     * Folder of the embedded PostgreSQL's data, used when no {@code spring.datasource.url} is set; kept across
     * restarts.
     */
    private Path dataDirectory = Path.of("nuanxin-data");

    /** Port of the embedded PostgreSQL on 127.0.0.1; 0 picks a free one. */
    private int databasePort = 0;

    /** Largest request body accepted, in bytes; a larger one gets 413. */
    private int maxRequestBytes = 64 * 1024;

    /**
     * Staff accounts for HTTP Basic: name, password (a {@code {bcrypt}} hash, or {@code {noop}} plain text for
     * trials) and roles. When none is configured, one account {@code staff} with a password generated at start
     * (logged once) is made.
     */
    private List<User> users = new ArrayList<>();

    public Path getDataDirectory() {
        return dataDirectory;
    }

    public void setDataDirectory(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    public int getDatabasePort() {
        return databasePort;
    }

    public void setDatabasePort(int databasePort) {
        this.databasePort = databasePort;
    }

    public int getMaxRequestBytes() {
        return maxRequestBytes;
    }

    public void setMaxRequestBytes(int maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    public List<User> getUsers() {
        return users;
    }

    public void setUsers(List<User> users) {
        this.users = users;
    }

    /** A staff account. */
    public static class User {

        /** Login name. */
        private String name;

        /** Password with its encoding prefix: {@code {bcrypt}…} or {@code {noop}…}. */
        private String password;

        /** Roles, e.g. {@code STAFF}. */
        private List<String> roles = new ArrayList<>(List.of(Roles.STAFF));

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }

        /** The name and roles; never the password. */
        @Override
        public String toString() {
            return name + " " + roles;
        }
    }
}
