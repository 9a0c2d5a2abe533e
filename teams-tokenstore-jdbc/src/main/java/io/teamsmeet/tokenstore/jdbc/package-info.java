/** The JDBC token store (work in progress). */
package io.teamsmeet.tokenstore.jdbc;
