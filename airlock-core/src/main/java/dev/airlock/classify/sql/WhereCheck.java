package dev.airlock.classify.sql;

import java.util.Locale;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.SelectVisitorAdapter;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a parsed WHERE clause really filters rows. A clause that refers to any column is
 * a filter, unless it is a tautology the checker can prove ({@code id = id}, {@code x = 5 OR 1=1});
 * a clause that refers to no column matches every row or none, and literals are evaluated where
 * that is certain ({@code 1 = 1}, {@code 'a' = 'a'}, {@code NOT false}, {@code 1}).
 */
final class WhereCheck {

  private WhereCheck() {}

  /** The filter kind of a WHERE clause; null means there is none. */
  static Verdicts.Filter of(@Nullable Expression where) {
    if (where == null) {
      return Verdicts.Filter.NONE;
    }
    return switch (truth(where)) {
      case TRUE -> Verdicts.Filter.ALWAYS_TRUE;
      case FALSE -> Verdicts.Filter.ALWAYS_FALSE;
      case CONSTANT -> Verdicts.Filter.CONSTANT;
      case FILTER -> Verdicts.Filter.COLUMNS;
    };
  }

  enum Truth {
    TRUE,
    FALSE,
    CONSTANT,
    FILTER
  }

  static Truth truth(Expression e) {
    if (e instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      return truth(list.get(0));
    }
    if (e instanceof BooleanValue b) {
      return b.getValue() ? Truth.TRUE : Truth.FALSE;
    }
    if (e instanceof NullValue) {
      return Truth.FALSE;
    }
    if (e instanceof LongValue || e instanceof DoubleValue) {
      return isZero(e.toString()) ? Truth.FALSE : Truth.TRUE;
    }
    if (e instanceof StringValue s) {
      return stringTruth(s.getValue());
    }
    if (e instanceof NotExpression not) {
      return negate(truth(not.getExpression()));
    }
    if (e instanceof AndExpression and) {
      return and(truth(and.getLeftExpression()), truth(and.getRightExpression()));
    }
    if (e instanceof OrExpression or) {
      return or(truth(or.getLeftExpression()), truth(or.getRightExpression()));
    }
    if (e instanceof CastExpression cast && !hasColumn(cast.getLeftExpression())) {
      Truth inner = truth(cast.getLeftExpression());
      return inner == Truth.FILTER ? Truth.CONSTANT : inner;
    }
    if (e instanceof IsNullExpression isNull) {
      return isNull(isNull);
    }
    if (e instanceof IsBooleanExpression isBool) {
      Truth inner = truth(isBool.getLeftExpression());
      if (inner == Truth.TRUE || inner == Truth.FALSE) {
        boolean value = (inner == Truth.TRUE) == isBool.isTrue();
        return value != isBool.isNot() ? Truth.TRUE : Truth.FALSE;
      }
      return inner;
    }
    if (e instanceof BinaryExpression bin && isComparison(bin)) {
      return comparison(bin);
    }
    return hasColumn(e) ? Truth.FILTER : Truth.CONSTANT;
  }

  private static Truth isNull(IsNullExpression e) {
    Expression inner = e.getLeftExpression();
    if (hasColumn(inner)) {
      return Truth.FILTER;
    }
    boolean isNull;
    if (inner instanceof NullValue) {
      isNull = true;
    } else if (inner instanceof LongValue
        || inner instanceof DoubleValue
        || inner instanceof StringValue
        || inner instanceof BooleanValue) {
      isNull = false;
    } else {
      return Truth.CONSTANT;
    }
    return isNull != e.isNot() ? Truth.TRUE : Truth.FALSE;
  }

  private static boolean isComparison(BinaryExpression b) {
    return b instanceof EqualsTo
        || b instanceof NotEqualsTo
        || b instanceof GreaterThan
        || b instanceof GreaterThanEquals
        || b instanceof MinorThan
        || b instanceof MinorThanEquals;
  }

  private static Truth comparison(BinaryExpression b) {
    Expression l = unwrap(b.getLeftExpression());
    Expression r = unwrap(b.getRightExpression());
    boolean lc = hasColumn(l);
    boolean rc = hasColumn(r);
    if (lc || rc) {
      if (l instanceof Column && r instanceof Column && sameText(l, r)) {
        boolean reflexive =
            b instanceof EqualsTo || b instanceof GreaterThanEquals || b instanceof MinorThanEquals;
        return reflexive ? Truth.TRUE : Truth.FALSE;
      }
      return Truth.FILTER;
    }
    Integer cmp = compare(l, r);
    if (cmp == null) {
      return Truth.CONSTANT;
    }
    int c = cmp;
    boolean result =
        switch (b) {
          case EqualsTo x -> c == 0;
          case NotEqualsTo x -> c != 0;
          case GreaterThan x -> c > 0;
          case GreaterThanEquals x -> c >= 0;
          case MinorThan x -> c < 0;
          case MinorThanEquals x -> c <= 0;
          default -> false;
        };
    return result ? Truth.TRUE : Truth.FALSE;
  }

  private static Expression unwrap(Expression e) {
    Expression x = e;
    while (x instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      x = list.get(0);
    }
    return x;
  }

  private static boolean sameText(Expression a, Expression b) {
    return a.toString().equalsIgnoreCase(b.toString());
  }

  /** Compares two literals of the same kind; null if they are not comparable for certain. */
  private static @Nullable Integer compare(Expression l, Expression r) {
    if (l instanceof StringValue a && r instanceof StringValue b) {
      return Integer.signum(a.getValue().compareTo(b.getValue()));
    }
    if (isNumber(l) && isNumber(r)) {
      try {
        return new java.math.BigDecimal(l.toString())
            .compareTo(new java.math.BigDecimal(r.toString()));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (l instanceof BooleanValue a && r instanceof BooleanValue b) {
      return Boolean.compare(a.getValue(), b.getValue());
    }
    return null;
  }

  private static boolean isNumber(Expression e) {
    return e instanceof LongValue || e instanceof DoubleValue;
  }

  /** Whether a number literal is zero: no digit but 0 before any exponent. */
  static boolean isZero(String number) {
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c >= '1' && c <= '9') {
        return false;
      }
      if (c == 'e' || c == 'E') {
        break;
      }
    }
    return true;
  }

  /** How PostgreSQL and MySQL read a string used as a condition. */
  static Truth stringTruth(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    switch (v) {
      case "t", "true", "y", "yes", "on", "1" -> {
        return Truth.TRUE;
      }
      case "f", "false", "n", "no", "off", "0", "" -> {
        return Truth.FALSE;
      }
      default -> {}
    }
    if (!v.isEmpty() && v.charAt(0) >= '1' && v.charAt(0) <= '9') {
      return Truth.TRUE;
    }
    return Truth.CONSTANT;
  }

  /** {@code l AND r}: false if either is, a filter if either filters. */
  static Truth and(Truth l, Truth r) {
    if (l == Truth.FALSE || r == Truth.FALSE) {
      return Truth.FALSE;
    }
    if (l == Truth.FILTER || r == Truth.FILTER) {
      return Truth.FILTER;
    }
    return l == Truth.TRUE && r == Truth.TRUE ? Truth.TRUE : Truth.CONSTANT;
  }

  /** {@code l OR r}: true if either is; a constant side makes the filter no filter. */
  static Truth or(Truth l, Truth r) {
    if (l == Truth.TRUE || r == Truth.TRUE) {
      return Truth.TRUE;
    }
    if (l == Truth.CONSTANT || r == Truth.CONSTANT) {
      return Truth.CONSTANT;
    }
    return l == Truth.FILTER || r == Truth.FILTER ? Truth.FILTER : Truth.FALSE;
  }

  private static Truth negate(Truth t) {
    return switch (t) {
      case TRUE -> Truth.FALSE;
      case FALSE -> Truth.TRUE;
      default -> t;
    };
  }

  /** Whether the expression refers to a column anywhere, subqueries included. */
  static boolean hasColumn(Expression e) {
    ColumnFinder finder = new ColumnFinder();
    e.accept(finder, null);
    return finder.found;
  }

  private static final class ColumnFinder extends ExpressionVisitorAdapter<Void> {
    boolean found;

    ColumnFinder() {
      setSelectVisitor(new SelectVisitorAdapter<>(this));
    }

    @Override
    public <S> @Nullable Void visit(Column column, S context) {
      found = true;
      return null;
    }
  }
}
