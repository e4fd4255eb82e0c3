package io.proxima.tenancy.application;

import io.proxima.platform.error.DomainException;
import io.proxima.tenancy.domain.TenantRole;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Enforces {@link StaffOnly} below the API, so every way into an operation is guarded alike. */
@StaffOnly
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class StaffOnlyInterceptor {

  private final TenantEdge edge;

  @Inject
  public StaffOnlyInterceptor(TenantEdge edge) {
    this.edge = edge;
  }

  @AroundInvoke
  public Object authorize(InvocationContext invocation) throws Exception {
    StaffOnly rule = ruleFor(invocation);
    TenantRole role =
        edge.roleOfCaller()
            .orElseThrow(() -> new DomainException.Refused("only the tenant's staff can do this"));
    if (rule.administrators() && !role.administers()) {
      throw new DomainException.Refused("only a tenant administrator can do this");
    }
    return invocation.proceed();
  }

  /** The method's own rule wins over its class's. */
  static StaffOnly ruleFor(InvocationContext invocation) {
    StaffOnly onMethod = invocation.getMethod().getAnnotation(StaffOnly.class);
    if (onMethod != null) {
      return onMethod;
    }
    StaffOnly onClass = invocation.getMethod().getDeclaringClass().getAnnotation(StaffOnly.class);
    if (onClass != null) {
      return onClass;
    }
    // Bound through a stereotype or a subclass proxy: the default rule, any staff member.
    return invocation.getTarget().getClass().getAnnotation(StaffOnly.class) != null
        ? invocation.getTarget().getClass().getAnnotation(StaffOnly.class)
        : DEFAULT;
  }

  private static final StaffOnly DEFAULT =
      new StaffOnly() {
        @Override
        public boolean administrators() {
          return false;
        }

        @Override
        public Class<StaffOnly> annotationType() {
          return StaffOnly.class;
        }
      };
}
