/** Version numbers as Cluster API reads them (tolerant semantic versions of Kubernetes and image tags). */
package io.capj.api.versions;
