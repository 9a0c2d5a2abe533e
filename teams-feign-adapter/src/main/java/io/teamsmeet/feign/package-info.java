/** Microsoft identity platform and Graph adapters on Feign (work in progress). */
package io.teamsmeet.feign;
