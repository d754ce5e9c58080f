package io.tes.operator.dependent;

import com.fasterxml.jackson.databind.JsonNode;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.tes.operator.settings.OperatorSettings;
import io.tes.operator.tenant.Tenant;
import java.util.Map;

/**
 * What the reconciler worked out before the workflow runs, handed to the dependents through the
 * workflow context (JOSDK builds dependents itself, so they cannot take constructor arguments).
 *
 * @param settings the operator's settings (image, NATS URL, ...)
 * @param schemaTypes event schemas by type: the referenced ConfigMap's, overlaid by inline ones
 */
public record TenantPlan(OperatorSettings settings, Map<String, JsonNode> schemaTypes) {
  private static final String KEY = TenantPlan.class.getName();

  public TenantPlan {
    schemaTypes = Map.copyOf(schemaTypes);
  }

  public void putInto(Context<Tenant> context) {
    context.managedWorkflowAndDependentResourceContext().put(KEY, this);
  }

  public static TenantPlan from(Context<Tenant> context) {
    return context.managedWorkflowAndDependentResourceContext().getMandatory(KEY, TenantPlan.class);
  }
}
