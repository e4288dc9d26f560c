/** GridGov lab API. */
package org.gridgov.lab;
