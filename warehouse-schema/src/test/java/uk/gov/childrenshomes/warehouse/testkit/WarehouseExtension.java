package uk.gov.childrenshomes.warehouse.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import uk.gov.childrenshomes.warehouse.WarehouseConnection;

/**
 * Gives a test class its own fully migrated warehouse on a real PostgreSQL server (see {@link TestWarehouseServer}
 * for how the server is chosen). Inject it as a {@link WarehouseConnection} parameter of a test, a lifecycle
 * method or the constructor:
 *
 * <pre>{@code
 * @ExtendWith(WarehouseExtension.class)
 * class SomethingTest {
 *     @Test void loads(WarehouseConnection warehouse) { ... }
 * }
 * }</pre>
 */
public final class WarehouseExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WarehouseExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        warehouse(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        WarehouseConnection warehouse = context.getStore(NAMESPACE).remove(context.getRequiredTestClass(), WarehouseConnection.class);
        if (warehouse != null) {
            TestWarehouseServer.get().dropWarehouse(warehouse);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WarehouseConnection.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return warehouse(context);
    }

    private static WarehouseConnection warehouse(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        while (testClass.getEnclosingClass() != null && testClass.isMemberClass()
                && !java.lang.reflect.Modifier.isStatic(testClass.getModifiers())) {
            testClass = testClass.getEnclosingClass(); // @Nested classes share their outer class's warehouse
        }
        Class<?> owner = testClass;
        ExtensionContext classContext = context;
        while (classContext.getTestClass().orElse(null) != owner && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(owner,
                key -> TestWarehouseServer.get().newWarehouse(owner.getName()), WarehouseConnection.class);
    }
}
