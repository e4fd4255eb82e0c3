package io.proxima.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.platform.error.DomainException;
import io.proxima.tenancy.domain.TenantRole;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StaffOnlyInterceptorTest {

  /** An application service as the container sees it: rules on its operations. */
  static class Desk {
    @StaffOnly
    String listJobs() {
      return "jobs";
    }

    @StaffOnly(administrators = true)
    String inviteMember() {
      return "invited";
    }
  }

  @Test
  void anyStaffMemberMayRunAStaffOperation() throws Exception {
    assertThat(call("listJobs", Optional.of(TenantRole.RECRUITER))).isEqualTo("jobs");
    assertThat(call("listJobs", Optional.of(TenantRole.COMPANY_MEMBER))).isEqualTo("jobs");
  }

  @Test
  void someoneWithoutARoleInTheTenantIsRefusedBeforeTheOperationRuns() {
    assertThatThrownBy(() -> call("listJobs", Optional.empty()))
        .isInstanceOf(DomainException.Refused.class)
        .hasMessageContaining("staff");
  }

  @Test
  void administratorOperationsRefuseOtherStaff() throws Exception {
    assertThat(call("inviteMember", Optional.of(TenantRole.AGENCY_ADMIN))).isEqualTo("invited");
    assertThat(call("inviteMember", Optional.of(TenantRole.COMPANY_ADMIN))).isEqualTo("invited");
    assertThatThrownBy(() -> call("inviteMember", Optional.of(TenantRole.RECRUITER)))
        .isInstanceOf(DomainException.Refused.class)
        .hasMessageContaining("administrator");
  }

  private static Object call(String operation, Optional<TenantRole> role) throws Exception {
    TenantEdge edge =
        new TenantEdge() {
          @Override
          public Optional<TenantRole> roleOfCaller() {
            return role;
          }
        };
    return new StaffOnlyInterceptor(edge)
        .authorize(new Invocation(new Desk(), Desk.class.getDeclaredMethod(operation)));
  }

  private record Invocation(Object target, Method method) implements InvocationContext {
    @Override
    public Object getTarget() {
      return target;
    }

    @Override
    public Object getTimer() {
      return null;
    }

    @Override
    public Method getMethod() {
      return method;
    }

    @Override
    public Constructor<?> getConstructor() {
      return null;
    }

    @Override
    public Object[] getParameters() {
      return new Object[0];
    }

    @Override
    public void setParameters(Object[] params) {}

    @Override
    public Map<String, Object> getContextData() {
      return new HashMap<>();
    }

    @Override
    public Object proceed() throws Exception {
      return method.invoke(target);
    }
  }
}
